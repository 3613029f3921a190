// Race: sleep_no_edge.go fixed with a channel: the send orders the write before the read.
package main

import "fmt"

var x int

func main() {
	done := make(chan bool)
	go func() {
		x = 1
		done <- true
	}()
	<-done
	fmt.Println(x)
}

// Run: race=on
// Race: none
// Output:
// 1
