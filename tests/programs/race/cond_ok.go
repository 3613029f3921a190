// Race: Broadcast is synchronized before the Wait it unblocks returns; the data is written
// under the Cond's lock before broadcasting.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false
	message := ""
	done := make(chan bool)
	go func() {
		mu.Lock()
		for !ready {
			cond.Wait()
		}
		fmt.Println("got:", message)
		mu.Unlock()
		done <- true
	}()
	mu.Lock()
	message = "go!"
	ready = true
	cond.Broadcast()
	mu.Unlock()
	<-done
}

// Run: race=on
// Race: none
// Output:
// got: go!
