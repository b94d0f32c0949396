// react-admin's login page, plus the language switch (before anyone logs in).
import { Box } from '@mui/material';
import { LocalesMenuButton, Login } from 'react-admin';

export const LoginPage = () => (
  <>
    <Box sx={{ position: 'fixed', top: 8, right: 8, zIndex: 2 }}>
      <LocalesMenuButton />
    </Box>
    <Login />
  </>
);
