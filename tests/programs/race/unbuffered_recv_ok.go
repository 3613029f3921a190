// Race: on an unbuffered channel a receive is synchronized before the completion of the
// matching send, so the sender sees what the receiver wrote before receiving.
package main

import "fmt"

var data int

func main() {
	c := make(chan int)
	go func() {
		data = 99
		<-c
	}()
	c <- 0
	fmt.Println(data)
}

// Run: race=on
// Race: none
// Output:
// 99
