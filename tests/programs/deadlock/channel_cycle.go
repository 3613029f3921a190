// Deadlock: two goroutines each wait to receive from the other before sending, while main
// waits for both.
package main

import (
	"fmt"
	"sync"
)

func main() {
	ping := make(chan int)
	pong := make(chan int)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		v := <-pong
		ping <- v
	}()
	go func() {
		defer wg.Done()
		v := <-ping
		pong <- v
	}()
	fmt.Println("waiting for both")
	wg.Wait()
}

// Exit: 2
// Stderr contains:
// fatal error: all goroutines are asleep - deadlock!
// goroutine 1 [semacquire]:
// main.main
// main.go:26
// [chan receive]:
// main.main.func1
// main.main.func2
// Output:
// waiting for both
