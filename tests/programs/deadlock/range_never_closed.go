// Deadlock: the producer forgets to close the channel, so range waits for more forever.
package main

import "fmt"

func main() {
	ch := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			ch <- i
		}
	}()
	for v := range ch {
		fmt.Println(v)
	}
	fmt.Println("unreachable")
}

// Exit: 2
// Stderr contains:
// fatal error: all goroutines are asleep - deadlock!
// goroutine 1 [chan receive]:
// main.main
// main.go:13
// Output:
// 1
// 2
// 3
