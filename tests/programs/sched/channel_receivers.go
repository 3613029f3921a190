// Scheduler: receivers blocked on a channel are served first-in first-out, and each one the
// sender wakes takes the runnext slot, pushing the previously woken one to the queue tail.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	ch := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v := <-ch
			fmt.Println("receiver", i, "got", v)
		}()
	}
	time.Sleep(10 * time.Millisecond)
	for v := 100; v < 103; v++ {
		ch <- v
	}
	wg.Wait()
}

// Run: procs=1
// Output:
// receiver 1 got 102
// receiver 2 got 100
// receiver 0 got 101
