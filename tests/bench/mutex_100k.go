// Benchmark: 100,000 goroutines each lock a mutex, increment a shared counter, unlock and
// call wg.Done(); main prints the counter.
package main

import (
	"fmt"
	"sync"
)

func main() {
	const n = 100_000
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter := 0
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			mu.Lock()
			counter++
			mu.Unlock()
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println("counter:", counter)
}

// Output:
// counter: 100000
