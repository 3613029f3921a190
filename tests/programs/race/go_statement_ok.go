// Race: the go statement is synchronized before the new goroutine starts, so a write made
// before `go` is visible to the goroutine.
package main

import "fmt"

var x int

func main() {
	x = 42
	done := make(chan bool)
	go func() {
		fmt.Println("goroutine sees", x)
		done <- true
	}()
	<-done
}

// Run: race=on
// Race: none
// Output:
// goroutine sees 42
