package main

import "fmt"

func main() {
	x := 2
	switch x {
	case "a":
		fmt.Println("a")
	case 1, 1:
		fmt.Println(1)
	}
	var v interface{} = x
	switch t := v.(type) {
	case int:
		fmt.Println("int")
	}
}
// Errors:
// main.go:8:7: cannot convert "a" (untyped string constant) to type int
// main.go:10:10: duplicate case 1 (constant of type int) in expression switch
// 	main.go:10:7: previous case
// main.go:14:9: t declared and not used
