// 10,000 goroutines alive at once, then one stack that grows.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

// depth calls itself n times: each call needs a new stack frame.
func depth(n int) int {
	if n == 0 {
		return 0
	}
	return depth(n-1) + 1
}

func main() {
	var wg sync.WaitGroup
	release := make(chan struct{})
	for i := 0; i < 10_000; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-release // parked: it exists, but uses no CPU
		}()
	}
	fmt.Println("goroutines alive:", runtime.NumGoroutine())
	close(release) // wake them all: each one returns and exits
	wg.Wait()
	fmt.Println("recursion depth:", depth(1_000))
}
