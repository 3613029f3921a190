// Race: a race between two goroutines that are not main: a reader and a writer.
package main

import (
	"fmt"
	"sync"
)

var status = "idle"
var sink string

func reader(wg *sync.WaitGroup) {
	defer wg.Done()
	sink = status
}

func writer(wg *sync.WaitGroup) {
	defer wg.Done()
	status = "busy"
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go reader(&wg)
	go writer(&wg)
	wg.Wait()
	fmt.Println("done")
}

// Run: race=on
// Exit: 66
// Race: 14 19
// Output:
// done
