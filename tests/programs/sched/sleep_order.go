// Scheduler: sleepers wake in deadline order, not in the order they started sleeping.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	for _, ms := range []int{90, 30, 60, 120} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(ms) * time.Millisecond)
			fmt.Println("woke after", ms, "ms")
		}()
	}
	wg.Wait()
}

// Output:
// woke after 30 ms
// woke after 60 ms
// woke after 90 ms
// woke after 120 ms
