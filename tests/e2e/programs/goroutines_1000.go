// 1,000 live goroutines that take turns: each yields many times, so the run queues stay
// full and tokens keep moving.
package main

import (
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 1000; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 3000; k++ {
				runtime.Gosched()
			}
		}()
	}
	wg.Wait()
}
