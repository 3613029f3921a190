// Race: a write made after the go statement is not ordered with the goroutine's read.
package main

import (
	"fmt"
	"sync"
)

var x int
var sink int

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		sink = x
	}()
	x = 42
	wg.Wait()
	fmt.Println("done")
}

// Run: race=on
// Exit: 66
// Race: 17 19
// Output:
// done
