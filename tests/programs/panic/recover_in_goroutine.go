// Panic: a goroutine can recover its own panic; the rest of the program is unaffected.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() {
			fmt.Println("goroutine recovered:", recover())
		}()
		var m map[string]int
		m["x"] = 1
	}()
	wg.Wait()
	fmt.Println("main is fine")
}

// Output:
// goroutine recovered: assignment to entry in nil map
// main is fine
