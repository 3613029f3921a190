// Course: main waits for its goroutines with a sync.WaitGroup instead of exiting early.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println("goroutine", i, "finished")
		}()
	}
	wg.Wait()
	fmt.Println("all done")
}

// Unordered output:
// all done
// goroutine 1 finished
// goroutine 2 finished
// goroutine 3 finished
