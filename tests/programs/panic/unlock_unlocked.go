// Fatal error: unlocking an unlocked mutex cannot be recovered.
package main

import (
	"fmt"
	"sync"
)

func main() {
	defer func() {
		fmt.Println("recover returns:", recover())
	}()
	var mu sync.Mutex
	mu.Lock()
	mu.Unlock()
	fmt.Println("unlocked once")
	mu.Unlock()
}

// Exit: 2
// Stderr contains:
// fatal error: sync: unlock of unlocked mutex
// goroutine 1 [running]:
// main.main
// main.go:17
// Output:
// unlocked once
