package main

import "fmt"

func main() {
	for {
		_ = fmt.Sprintf("%1000000d", 1)
	}
}
