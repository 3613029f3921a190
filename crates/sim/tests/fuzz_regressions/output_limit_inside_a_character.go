package main

import "fmt"

func main() {
	for {
		fmt.Println("\u00e9")
	}
}
