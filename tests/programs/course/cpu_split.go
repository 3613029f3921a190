// Course: the same CPU-bound sum split across four goroutines; only the total is printed,
// so the result is the same whether the work ran in parallel or not.
package main

import (
	"fmt"
	"sync"
)

func partial(from, to int) int {
	s := 0
	for i := from; i < to; i++ {
		s += i % 7
	}
	return s
}

func main() {
	const n = 4_000_000
	const workers = 4
	results := make([]int, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[w] = partial(w*n/workers, (w+1)*n/workers)
		}()
	}
	wg.Wait()
	total := 0
	for _, r := range results {
		total += r
	}
	fmt.Println("total:", total, "sequential:", partial(0, n))
}

// Output:
// total: 11999994 sequential: 11999994
