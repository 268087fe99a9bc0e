"""Accounts: users (e-mail login), their roles, API tokens and operator commands to bootstrap them."""
