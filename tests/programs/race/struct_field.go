// Race: two goroutines write the same struct field.
package main

import (
	"fmt"
	"sync"
)

type Point struct{ X, Y int }

func main() {
	p := &Point{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		p.X = 1
	}()
	go func() {
		defer wg.Done()
		p.X = 2
	}()
	wg.Wait()
	fmt.Println("done")
}

// Run: race=on
// Exit: 66
// Race: 17 21
// Output:
// done
