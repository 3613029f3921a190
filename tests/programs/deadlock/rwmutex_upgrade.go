// Deadlock: a goroutine holding the read lock asks for the write lock, which waits for all
// readers, including itself.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.RWMutex
	mu.RLock()
	fmt.Println("read lock held")
	mu.Lock()
	fmt.Println("unreachable")
}

// Exit: 2
// Stderr contains:
// fatal error: all goroutines are asleep - deadlock!
// goroutine 1 [sync.RWMutex.Lock]:
// main.main
// main.go:14
// Output:
// read lock held
