// Deadlock: waiting on a sync.Cond that nobody signals.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false
	mu.Lock()
	for !ready {
		fmt.Println("waiting for ready")
		cond.Wait()
	}
	mu.Unlock()
}

// Exit: 2
// Stderr contains:
// fatal error: all goroutines are asleep - deadlock!
// goroutine 1 [sync.Cond.Wait]:
// main.main
// main.go:16
// Output:
// waiting for ready
