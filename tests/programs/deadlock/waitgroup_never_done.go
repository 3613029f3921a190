// Deadlock: a worker forgets to call Done, so Wait never returns once the worker exits.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	for i := 0; i < 2; i++ {
		go func() {
			fmt.Println("worker", i)
			if i == 0 {
				wg.Done()
			}
		}()
	}
	wg.Wait()
}

// Exit: 2
// Stderr contains:
// fatal error: all goroutines are asleep - deadlock!
// goroutine 1 [semacquire]:
// main.main
// main.go:20
// Unordered output:
// worker 0
// worker 1
