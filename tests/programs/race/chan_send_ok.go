// Race: a send is synchronized before the completion of the matching receive, so the
// receiver sees what the sender wrote before sending.
package main

import "fmt"

var data string

func main() {
	c := make(chan int, 1)
	go func() {
		data = "hello"
		c <- 1
	}()
	<-c
	fmt.Println(data)
}

// Run: race=on
// Race: none
// Output:
// hello
