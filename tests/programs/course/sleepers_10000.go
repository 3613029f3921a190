// Course: 10,000 goroutines each sleep 10 ms and then count themselves. Goroutines are cheap:
// they all sleep at the same time, so this takes about 10 ms, not 100 s.
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
	start := time.Now()
	for i := 0; i < 10_000; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(10 * time.Millisecond)
			count.Add(1)
		}()
	}
	wg.Wait()
	fmt.Println("count:", count.Load())
	fmt.Println("under one second:", time.Since(start) < time.Second)
}

// Output:
// count: 10000
// under one second: true
