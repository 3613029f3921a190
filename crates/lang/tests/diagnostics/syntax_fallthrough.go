package main

import "fmt"

func main() {
	switch x := 2; x {
	case 1:
		fallthrough
	case 2:
		fmt.Println(2)
		fallthrough
	}
	var i interface{} = 1
	switch i.(type) {
	case int:
		fallthrough
	case string:
	}
}
// Errors:
// main.go:11:3: cannot fallthrough final case in switch
// main.go:16:3: cannot fallthrough in type switch
