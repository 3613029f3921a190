// Explore: a partial deadlock. Two goroutines wait for each other on channels that
// nobody else can reach (the goroutine that made them has ended), while main goes on
// and returns; Go reports nothing, and gosched's wait-for graph shows the cycle and
// that both are blocked forever.
package main

import (
	"fmt"
	"time"
)

func pair() {
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		v := <-pong
		ping <- v
	}()
	go func() {
		v := <-ping
		pong <- v
	}()
}

func main() {
	go pair()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("main done")
}

// Output:
// main done
