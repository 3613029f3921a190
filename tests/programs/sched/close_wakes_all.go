// Scheduler: close wakes every blocked receiver at once; on one P the order in which they
// then run follows from the runnext rule.
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
			v, ok := <-ch
			fmt.Println("receiver", i, "woke:", v, ok)
		}()
	}
	time.Sleep(10 * time.Millisecond)
	close(ch)
	wg.Wait()
}

// Run: procs=1
// Output:
// receiver 2 woke: 0 false
// receiver 1 woke: 0 false
// receiver 0 woke: 0 false
