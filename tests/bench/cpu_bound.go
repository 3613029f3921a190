// Benchmark: four goroutines each run 5,000,000 iterations of `s += i % 7` on a local
// variable; the partial sums are combined and printed. Meant for GOMAXPROCS=4.
package main

import (
	"fmt"
	"sync"
)

func main() {
	const workers = 4
	const iterations = 5_000_000
	partial := make([]int, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := 0
			for i := 0; i < iterations; i++ {
				s += i % 7
			}
			partial[w] = s
		}()
	}
	wg.Wait()
	total := 0
	for _, p := range partial {
		total += p
	}
	fmt.Println("total:", total)
}

// Run: procs=4
// Output:
// total: 59999980
