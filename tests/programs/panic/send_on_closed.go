// Panic: sending on a closed channel.
package main

import "fmt"

func main() {
	ch := make(chan int, 1)
	close(ch)
	v, ok := <-ch
	fmt.Println("receive from closed:", v, ok)
	ch <- 1
}

// Exit: 2
// Stderr contains:
// panic: send on closed channel
// goroutine 1 [running]:
// main.main
// main.go:11
// Output:
// receive from closed: 0 false
