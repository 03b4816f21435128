/** A security group open to SSH from anywhere: the smallest Terraform with a finding (NET-AWS-001). */
export const openSshGroup = (name = 'web'): string =>
  `resource "aws_security_group" "${name}" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n`;
