resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  tags = {
    owner       = "team-network"
    cost-center = "cc-42"
  }
}

resource "aws_subnet" "app" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
  tags = {
    owner = "team-app"
  }
}
