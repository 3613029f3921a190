// Deadlock: sync.Mutex is not reentrant; locking it twice blocks the goroutine forever.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	mu.Lock()
	fmt.Println("locked once")
	mu.Lock()
	fmt.Println("unreachable")
}

// Exit: 2
// Stderr contains:
// fatal error: all goroutines are asleep - deadlock!
// goroutine 1 [sync.Mutex.Lock]:
// main.main
// main.go:13
// Output:
// locked once
