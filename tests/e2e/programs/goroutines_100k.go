// 100,000 goroutines that sleep together, then count themselves.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	var count atomic.Int64
	var wg sync.WaitGroup
	for i := 0; i < 100_000; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(10 * time.Millisecond)
			count.Add(1)
		}()
	}
	wg.Wait()
	fmt.Println("count:", count.Load())
}
