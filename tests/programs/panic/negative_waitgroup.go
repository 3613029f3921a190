// Panic: calling Done more times than Add.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Done()
	fmt.Println("balanced")
	wg.Done()
}

// Exit: 2
// Stderr contains:
// panic: sync: negative WaitGroup counter
// goroutine 1 [running]:
// main.main
// main.go:14
// Output:
// balanced
