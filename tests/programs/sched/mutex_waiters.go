// Scheduler: goroutines blocked on a mutex acquire it in the order they queued (which, on
// one P, is the order they first ran: the newest from runnext, then the others in order).
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	mu.Lock()
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			fmt.Println("goroutine", i, "got the lock")
			mu.Unlock()
		}()
	}
	time.Sleep(10 * time.Millisecond)
	mu.Unlock()
	wg.Wait()
}

// Run: procs=1
// Output:
// goroutine 2 got the lock
// goroutine 0 got the lock
// goroutine 1 got the lock
