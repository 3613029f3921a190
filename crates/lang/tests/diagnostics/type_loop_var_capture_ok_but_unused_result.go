package main

import "fmt"

func main() {
	results := make(chan int)
	for i := 0; i < 3; i++ {
		go func() {
			results <- i
		}()
	}
	var total int
	for i := 0; i < 3; i++ {
		total := total + <-results
	}
	fmt.Println(total)
}
// Errors:
// main.go:14:3: declared and not used: total
