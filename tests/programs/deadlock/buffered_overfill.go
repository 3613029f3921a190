// Deadlock: the third send does not fit in a buffer of two and nobody receives.
package main

import "fmt"

func main() {
	ch := make(chan int, 2)
	ch <- 1
	ch <- 2
	fmt.Println("buffer full:", len(ch) == cap(ch))
	ch <- 3
}

// Exit: 2
// Stderr contains:
// fatal error: all goroutines are asleep - deadlock!
// goroutine 1 [chan send]:
// main.main
// main.go:11
// Output:
// buffer full: true
