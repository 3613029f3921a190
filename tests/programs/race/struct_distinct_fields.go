// Race: different fields of one struct are different memory locations: no race.
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
		p.Y = 2
	}()
	wg.Wait()
	fmt.Println(*p)
}

// Run: race=on
// Race: none
// Output:
// {1 2}
