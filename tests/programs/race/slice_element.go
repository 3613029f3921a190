// Race: two goroutines write the same slice element.
package main

import (
	"fmt"
	"sync"
)

func main() {
	s := make([]int, 2)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		s[0] = 1
	}()
	go func() {
		defer wg.Done()
		s[0] = 2
	}()
	wg.Wait()
	fmt.Println(len(s))
}

// Run: race=on
// Exit: 66
// Race: 15 19
// Output:
// 2
