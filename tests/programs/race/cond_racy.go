// Race: the message is written after Broadcast and outside the lock, so the waiter's read
// is not ordered with it.
package main

import (
	"fmt"
	"sync"
)

var message string
var sink string

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false
	done := make(chan bool)
	go func() {
		mu.Lock()
		for !ready {
			cond.Wait()
		}
		mu.Unlock()
		sink = message
		done <- true
	}()
	mu.Lock()
	ready = true
	cond.Broadcast()
	mu.Unlock()
	message = "go!"
	<-done
	fmt.Println("done")
}

// Run: race=on
// Exit: 66
// Race: 24 31
// Output:
// done
