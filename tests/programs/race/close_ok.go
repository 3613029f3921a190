// Race: closing a channel is synchronized before a receive that returns because the channel
// is closed.
package main

import "fmt"

var data int

func main() {
	c := make(chan struct{})
	go func() {
		data = 7
		close(c)
	}()
	_, ok := <-c
	fmt.Println(data, ok)
}

// Run: race=on
// Race: none
// Output:
// 7 false
