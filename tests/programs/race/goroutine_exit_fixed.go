// Race: goroutine_exit_no_edge.go fixed with a WaitGroup.
package main

import (
	"fmt"
	"sync"
)

var x int

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		x = 1
	}()
	wg.Wait()
	fmt.Println(x)
}

// Run: race=on
// Race: none
// Output:
// 1
