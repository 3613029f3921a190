import "fmt"

func main() {
	fmt.Println("x")
}
// Errors:
// main.go:1:1: expected 'package', found 'import'
