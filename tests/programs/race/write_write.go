// Race: two goroutines write the same variable on different lines.
package main

import (
	"fmt"
	"sync"
)

var owner string

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		owner = "first"
	}()
	go func() {
		defer wg.Done()
		owner = "second"
	}()
	wg.Wait()
	fmt.Println("done")
}

// Run: race=on
// Exit: 66
// Race: 16 20
// Output:
// done
