// Panic: writing to a nil map (reading from one is fine).
package main

import "fmt"

func main() {
	var m map[string]int
	fmt.Println("read from nil map:", m["missing"], len(m))
	m["key"] = 1
}

// Exit: 2
// Stderr contains:
// panic: assignment to entry in nil map
// goroutine 1 [running]:
// main.main
// main.go:9
// Output:
// read from nil map: 0 0
