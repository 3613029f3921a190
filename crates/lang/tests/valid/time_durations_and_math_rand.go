package main

import (
	"fmt"
	"math"
	"math/rand"
	"time"
)

func main() {
	d, err := time.ParseDuration("1h15m30.5s")
	fmt.Println(d, err, d.Round(time.Hour), d.Truncate(time.Minute), d.Minutes())
	r := rand.New(rand.NewSource(time.Now().UnixNano()))
	fmt.Println(r.Intn(10) < 10, rand.Float64() < 1)
	xs := []int{1, 2, 3}
	rand.Shuffle(len(xs), func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
	fmt.Println(len(xs), math.Floor(2.7), math.Ceil(2.1), math.Abs(-3), math.Pow(2, 10))
	fmt.Println(math.Inf(1), math.IsNaN(math.NaN()), math.Max(1, 2), math.Round(2.5), math.MinInt)
	start := time.Now()
	time.Sleep(10 * time.Millisecond)
	elapsed := time.Since(start)
	fmt.Println(elapsed >= 10*time.Millisecond, start.Before(time.Now()), start.Add(time.Second).After(start))
}
