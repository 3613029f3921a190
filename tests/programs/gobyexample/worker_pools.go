// Go by Example "Worker Pools": three workers share five 100 ms jobs, so the pool takes
// about two rounds (200 ms). Which worker takes which job varies; only results are printed.
package main

import (
	"fmt"
	"sort"
	"time"
)

func worker(id int, jobs <-chan int, results chan<- int) {
	for j := range jobs {
		time.Sleep(100 * time.Millisecond)
		results <- j * 2
	}
}

func main() {
	const numJobs = 5
	jobs := make(chan int, numJobs)
	results := make(chan int, numJobs)
	start := time.Now()

	for w := 1; w <= 3; w++ {
		go worker(w, jobs, results)
	}
	for j := 1; j <= numJobs; j++ {
		jobs <- j
	}
	close(jobs)

	var got []int
	for a := 1; a <= numJobs; a++ {
		got = append(got, <-results)
	}
	sort.Ints(got)
	fmt.Println(got)
	fmt.Println("elapsed:", time.Since(start).Truncate(100*time.Millisecond))
}

// Output:
// [2 4 6 8 10]
// elapsed: 200ms
