// Four CPU-bound tasks. Run with GOMAXPROCS=1, then with 4, and compare.
package main

import (
	"fmt"
	"sync"
	"time"
)

// work only computes: it never blocks, sleeps or waits.
func work(n int) int {
	sum := 0
	for i := 0; i < n; i++ {
		sum += i % 7
	}
	return sum
}

func main() {
	start := time.Now()
	var wg sync.WaitGroup
	for task := 1; task <= 4; task++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println("task", task, "done:", work(3_000_000))
		}()
	}
	wg.Wait()
	fmt.Println("total time:", time.Since(start))
}
