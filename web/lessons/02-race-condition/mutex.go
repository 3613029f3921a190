// Fix 1: a Mutex lets only one goroutine at a time touch the counter.
package main

import (
	"fmt"
	"sync"
)

var (
	mu      sync.Mutex
	counter int
)

func main() {
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 10_000; i++ {
				mu.Lock()
				counter++ // only the goroutine holding mu gets here
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println("counter =", counter, "(expected 40000)")
}
